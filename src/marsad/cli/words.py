"""Commands whose argument is free words: `marsad search Hamas -Gaza` excludes Gaza.

click reads any word that starts with '-' as an option (`-Gaza` as -G -a -z -a). A command of this
class reads as options only the words that are its options (`-n 5`, `-n5`, `--format=csv`, `-fjson`),
and keeps every other word, in order, as an argument; `--` still ends the options.
"""

from __future__ import annotations

import click


class FreeWordsCommand(click.Command):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self.options_then_words(ctx, args))

    def options_then_words(self, ctx: click.Context, args: list[str]) -> list[str]:
        options = {
            opt: p for p in self.get_params(ctx) if isinstance(p, click.Option) for opt in p.opts + p.secondary_opts
        }
        chosen: list[str] = []
        words: list[str] = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                words += args[i + 1 :]
                break
            name = arg.split("=", 1)[0] if arg.startswith("--") else arg
            param = options.get(name)
            if param is not None:
                chosen.append(arg)
                if _takes_value(param) and "=" not in arg and i + 1 < len(args):
                    chosen.append(args[i + 1])
                    i += 1
            elif _glued_short_option(ctx, options, arg):
                chosen.append(arg)
            else:
                words.append(arg)
            i += 1
        return [*chosen, "--", *words] if words else chosen


def _takes_value(param: click.Option) -> bool:
    return not param.is_flag and not param.count


def _glued_short_option(ctx: click.Context, options: dict[str, click.Option], arg: str) -> bool:
    """`-n5` or `-fjson` is an option with its value; `-news` or `-Fatah` is a word to exclude."""
    if len(arg) < 3 or arg.startswith("--") or not arg.startswith("-"):
        return False
    param = options.get(arg[:2])
    if param is None or not _takes_value(param):
        return False
    try:
        param.type.convert(arg[2:], param, ctx)
    except click.BadParameter:
        return False
    return True
