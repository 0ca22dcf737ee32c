"""User-visible strings of the settings file and the themes, as key: (English, Vietnamese)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "settings.damaged_not_toml": (
        "The settings file {path} was damaged (it is not TOML): council uses the default settings and kept the old file beside it as {kept}.",
        "Tệp thiết lập {path} bị hỏng (không phải TOML): council dùng thiết lập mặc định và giữ tệp cũ bên cạnh với tên {kept}.",
    ),
    "settings.damaged_values": (
        "The settings file {path} had values council does not know ({names}): the defaults are used for them, the rest is kept, and the old file is beside it as {kept}.",
        "Tệp thiết lập {path} có giá trị council không hiểu ({names}): các mục đó dùng mặc định, phần còn lại được giữ, tệp cũ nằm bên cạnh với tên {kept}.",
    ),
    "settings.unreadable": (
        "The settings file {path} cannot be read or written ({detail}): council uses the default settings.",
        "Không đọc hoặc ghi được tệp thiết lập {path} ({detail}): council dùng thiết lập mặc định.",
    ),
    "settings.not_saved": (
        "The setting applies now but could not be saved for the next start: {error}",
        "Thiết lập có hiệu lực ngay nhưng không lưu được cho lần mở sau: {error}",
    ),
    # --- the command palette
    "theme.light": ("Light theme (projector)", "Giao diện sáng (máy chiếu)"),
    "theme.light_help": (
        "Black on white with strong colours, readable on a projector; remembered for the next start.",
        "Chữ đen nền trắng, màu đậm, dễ đọc trên máy chiếu; được nhớ cho lần mở sau.",
    ),
    "theme.dark": ("Dark theme", "Giao diện tối"),
    "theme.dark_help": (
        "Light text on a dark background; remembered for the next start.",
        "Chữ sáng trên nền tối; được nhớ cho lần mở sau.",
    ),
    "language.switch": ("Tiếng Việt / English", "Tiếng Việt / English"),
    "language.switch_help": (
        "Speak Vietnamese from the next start (the minutes too); --lang still wins for one run.",
        "Dùng tiếng Anh từ lần mở sau (cả biên bản); --lang vẫn được ưu tiên cho một lần chạy.",
    ),
    "language.saved": (
        # Said in the language in force, of the other one it switches to.
        "council will speak Vietnamese from the next start.",
        "council sẽ dùng tiếng Anh từ lần mở sau.",
    ),
}
