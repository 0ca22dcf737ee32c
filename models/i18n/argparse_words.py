"""argparse's own words (usage, errors, help titles), so that `--lang vi` translates them too.

The English text is argparse's message id, unchanged: ``cli/__init__.py`` looks each id up in ``ARGPARSE_KEYS``.
Placeholders are argparse's own ``%(name)s`` / ``%s``, filled in by argparse after translation.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "argparse.usage": ("usage: ", "cách dùng: "),
    "argparse.positionals": ("positional arguments", "tham số theo vị trí"),
    "argparse.options": ("options", "tùy chọn"),
    "argparse.help": ("show this help message and exit", "hiện hướng dẫn này rồi thoát"),
    "argparse.version": ("show program's version number and exit", "hiện số phiên bản rồi thoát"),
    "argparse.error": ("%(prog)s: error: %(message)s\n", "%(prog)s: lỗi: %(message)s\n"),
    "argparse.argument": ("argument %(argument_name)s: %(message)s", "tham số %(argument_name)s: %(message)s"),
    "argparse.invalid_choice": (
        "invalid choice: %(value)r (choose from %(choices)s)",
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
    ),
    "argparse.invalid_type": ("invalid %(type)s value: %(value)r", "giá trị %(type)s không hợp lệ: %(value)r"),
    "argparse.required": (
        "the following arguments are required: %s",
        "thiếu các tham số bắt buộc sau: %s",
    ),
    "argparse.one_required": ("one of the arguments %s is required", "cần một trong các tham số %s"),
    "argparse.unrecognized": ("unrecognized arguments: %s", "tham số không nhận ra: %s"),
    "argparse.expected_one": ("expected one argument", "cần một giá trị"),
    "argparse.expected_at_most_one": ("expected at most one argument", "cần nhiều nhất một giá trị"),
    "argparse.expected_at_least_one": ("expected at least one argument", "cần ít nhất một giá trị"),
    "argparse.expected_n": ("expected %s argument", "cần %s giá trị"),
    "argparse.expected_n_plural": ("expected %s arguments", "cần %s giá trị"),
    "argparse.ambiguous": (
        "ambiguous option: %(option)s could match %(matches)s",
        "tùy chọn mơ hồ: %(option)s có thể là %(matches)s",
    ),
    "argparse.not_allowed": ("not allowed with argument %s", "không dùng được cùng tham số %s"),
    "argparse.ignored": ("ignored explicit argument %r", "bỏ qua giá trị %r"),
    "argparse.unexpected_option": ("unexpected option string: %s", "tùy chọn không mong đợi: %s"),
    "argparse.cant_open": ("can't open '%(filename)s': %(error)s", "không mở được '%(filename)s': %(error)s"),
    "argparse.unknown_parser": (
        "unknown parser %(parser_name)r (choices: %(choices)s)",
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    ),
}

ARGPARSE_KEYS: dict[str, str] = {en: key for key, (en, _vi) in MESSAGES.items()}
"""argparse's English message id -> its catalogue key."""
