/* Wine 8.0 lacks bcryptprimitives.dll, whose ProcessPrng every Rust-built extension imports
   (pydantic-core, cryptography): this stand-in answers from RtlGenRandom. scripts/wine/run.sh only. */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk; len -= chunk;
    }
    return TRUE;
}
