"""The progress bar in a real terminal: tmux panes of 60, 80 and 120 columns run `generate` with
the bar, and every snapshot of the screen (scrollback included) is checked while it runs and
after it ends.

A bar line that is wider than the pane wraps, and the next carriage return then redraws only the
wrapped tail, leaving a stale copy above; `capture-pane -J` joins wrapped lines, so such a line
shows up as longer than the pane. A redraw that does not clear to the end of the line leaves
stale characters after a shorter line."""
import os
import re
import subprocess
import time
import uuid

import pytest

from conftest import BINARY, require_program

# A progress statistic: "412/1000 clips 41%" or the shorter "412/1000 41%".
BAR_LINE = re.compile(r"\d+/\d+ (clips )?\d+%")


def tmux(socket, *args, check=True):
    return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args], capture_output=True, text=True, check=check)


def capture(socket):
    """The pane's whole history and screen, wrapped lines joined, trailing spaces kept off."""
    return tmux(socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "run").stdout.splitlines()


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_bar_fits_the_pane_and_leaves_no_stale_lines(tmp_path, columns):
    require_program("tmux")
    socket = f"morse-{uuid.uuid4().hex[:8]}"
    out = tmp_path / "data"
    # Enough clips for a few seconds of redraws (every 0.2 s) in a debug build on one worker.
    command = (
        f"env -u COLUMNS -u LINES '{BINARY}' generate --num-samples 80 --seed 3 --max-duration 5 "
        f"--num-workers 1 --progress bar --output-dir '{out}'; echo __EXIT__$?; sleep 600"
    )
    environment = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TERM": "xterm-256color"}
    subprocess.run(
        ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "run", "-x", str(columns), "-y", "20", command],
        check=True, env=environment)
    try:
        tmux(socket, "set-option", "-t", "run", "history-limit", "5000", check=False)
        assert tmux(socket, "display-message", "-p", "-t", "run", "#{pane_width}").stdout.strip() == str(columns)
        seen_states = set()
        deadline = time.time() + 300
        finished = None
        while time.time() < deadline:
            lines = capture(socket)
            bars = [line.rstrip() for line in lines if BAR_LINE.search(line)]
            for line in bars:
                assert len(line) < columns, f"{columns} columns: a {len(line)}-character bar line: {line!r}"
            assert len(bars) <= 1, f"{columns} columns: stale bar lines on screen: {bars}"
            seen_states.update(bars)
            finished = next((line for line in lines if line.startswith("__EXIT__")), None)
            if finished:
                break
            time.sleep(0.1)
        assert finished == "__EXIT__0", f"generate did not finish cleanly: {finished}\n" + "\n".join(capture(socket))
        lines = capture(socket)
        bars = [line.rstrip() for line in lines if BAR_LINE.search(line)]
        assert len(bars) == 1, f"{columns} columns: expected the one final bar line, got {bars}"
        assert "80/80" in bars[0] and "100%" in bars[0], bars[0]
        assert bars[0].startswith("["), f"{columns} columns: the bar itself was dropped: {bars[0]!r}"
        # The test saw the bar being redrawn, not only its final state.
        assert len(seen_states) >= 2, f"only saw {seen_states}"
    finally:
        tmux(socket, "kill-server", check=False)
