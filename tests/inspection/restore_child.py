"""Child process for the restore-crash test: restores a backup and kills itself (SIGKILL, no
clean-up of any kind) just before its Nth rename in the data folder, or its Nth file opened for
writing in the staging folder. Prints how many of each it made when it was not killed."""
import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from inspection.store import restore


def main(root: str, backup: str, kind: str, kill_at: int) -> None:
    folder = os.path.realpath(root)
    counts = {"rename": 0, "write": 0}

    def hook(event: str, args: tuple) -> None:
        if event == "os.rename":
            target = os.path.realpath(os.fsdecode(args[1]))
            if target.startswith(folder + os.sep):
                counts["rename"] += 1
                if kind == "rename" and counts["rename"] == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)
        elif event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            path, mode = os.fsdecode(args[0]), args[1] or ""
            if "/.restore-" in path and any(c in str(mode) for c in "wxa"):
                counts["write"] += 1
                if kind == "write" and counts["write"] == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)

    sys.addaudithook(hook)
    restore(backup, root, replace=True)
    print(counts["rename"], counts["write"], flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
