"""Child process for the lock tests: opens the store of a data folder (as the window does),
says "open", then saves an answer for each line read on stdin and says "saved N"."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from inspection.store import open_store


def main(data_dir: str, inspection_id: str) -> None:
    store = open_store(data_dir, actor="window")
    print("open", flush=True)
    for n, line in enumerate(sys.stdin):
        if line.strip() == "quit":
            break
        store.save_answer(inspection_id, "000", "1-1-1", note=f"saved {n}")
        print(f"saved {n}", flush=True)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
