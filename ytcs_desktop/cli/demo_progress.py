"""What `ytcs demo` prints while it builds (on stderr, so stdout stays the summary): each step with
its number and the time so far — `make run` would otherwise sit silent for a minute."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class DemoProgress:
    """The `progress(done, total)` callback of `build_demo_world`: step 1 is the set-up, then one step
    per simulated month; the last step is reported twice (the station's end, then the centre's)."""

    def __init__(self, lang: str = "vi", out: TextIO | None = None) -> None:
        self.en = lang.startswith("en")
        self.out = out or sys.stderr
        self.started = time.perf_counter()
        self.last = 0

    def __call__(self, done: int, total: int) -> None:
        months = total - 2
        if done == self.last and done < total:
            what = ("ledger checked; building the demo centre server and syncing the station with it" if self.en
                    else "đã kiểm sổ kho; đang dựng máy chủ Trung tâm mẫu và đồng bộ trạm với nó")
        elif done == 1:
            what = ("catalogue, staff, fridges and the station's profile" if self.en
                    else "danh mục, nhân sự, tủ lạnh và hồ sơ trạm")
        elif done >= total:
            what = "the demo centre server is in sync with the station" if self.en \
                else "máy chủ Trung tâm mẫu đã đồng bộ với trạm"
        else:
            month = min(done - 1, months)
            what = f"month {month} of {months} simulated" if self.en else f"đã mô phỏng tháng {month}/{months}"
        self.last = done
        took = time.perf_counter() - self.started
        seconds = f"{took:.1f} s" if self.en else f"{took:.1f} giây".replace(".", ",")
        step = "step" if self.en else "bước"
        print(f"[{step} {min(done, total)}/{total}] {what} ({seconds})", file=self.out, flush=True)
