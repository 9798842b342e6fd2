"""What `ytcs demo` prints while it builds (on stderr, so stdout stays the summary): each step with
its number and the time so far — `make run` would otherwise sit silent for a minute."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from ytcs_desktop.cli.common import seconds_text
from ytcs_desktop.messages import msg, pick


class DemoProgress:
    """The `progress(done, total)` callback of `build_demo_world`: step 1 is the set-up, then one step
    per simulated month; the last step is reported twice (the station's end, then the centre's)."""

    def __init__(self, lang: str = "vi", out: TextIO | None = None) -> None:
        self.lang = lang
        self.out = out or sys.stderr
        self.started = time.perf_counter()
        self.last = 0

    def __call__(self, done: int, total: int) -> None:
        months = total - 2
        if done == self.last and done < total:
            what = msg("cli.demo_progress.centre")
        elif done == 1:
            what = msg("cli.demo_progress.setup")
        elif done >= total:
            what = msg("cli.demo_progress.synced")
        else:
            what = msg("cli.demo_progress.month", month=min(done - 1, months), months=months)
        self.last = done
        took = time.perf_counter() - self.started
        line = msg("cli.demo_progress", step=min(done, total), total=total, what=what,
                   seconds=pick(seconds_text, took))
        print(line.text(self.lang), file=self.out, flush=True)
