#!/usr/bin/python3
"""Evaluate a JSON Lines file of visits on a Dask cluster, one `unitwise evaluate --batch` per partition.

usage: batch.py IN.jsonl OUT.jsonl [--scheduler ADDR] [--unitwise PATH] [--blocksize BYTES]

OUT.jsonl equals `unitwise evaluate --batch IN.jsonl` line for line, in order: IN is cut into blocks at
line ends (dask.bytes.read_bytes), each block goes through the CLI on a worker as it is, and the results
are written in block order. Without --scheduler a LocalCluster of 2 worker processes runs on this
machine. With one, IN must be readable by the workers at the same path or URL (a shared file system,
s3://...), and the unitwise binary must exist at PATH on every worker. Exit status as the CLI's: 0 every
visit valid, 1 some visit invalid, 2 usage or I/O error. See docs/batch.md.
"""
import argparse
import os
import shutil
import subprocess
import sys
from collections import deque

from dask import delayed
from dask.bytes import read_bytes
from distributed import Client, LocalCluster


def evaluate_block(block: bytes, unitwise: str):
    """Runs on a worker: the CLI over one block of lines. Returns (exit status, result lines)."""
    run = subprocess.run([unitwise, "evaluate", "--batch", "-"], input=block,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if run.returncode not in (0, 1):
        raise RuntimeError(f"{unitwise} exited {run.returncode}: {run.stderr.decode(errors='replace').strip()}")
    return run.returncode, run.stdout


def default_unitwise() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "..", "build", "native", "bin", "unitwise")
    return shutil.which("unitwise") or os.path.normpath(built)


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", metavar="IN.jsonl")
    parser.add_argument("output", metavar="OUT.jsonl")
    parser.add_argument("--scheduler", metavar="ADDR", help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--unitwise", metavar="PATH", default=default_unitwise(),
                        help="the unitwise binary on the workers (default: on PATH, else build/native/bin)")
    parser.add_argument("--blocksize", metavar="BYTES", type=int, default=2 << 20,
                        help="bytes of input per partition (default 2 MiB, about 10k visits)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    unitwise = os.path.abspath(args.unitwise) if os.sep in args.unitwise else args.unitwise
    if args.scheduler is None and not os.access(unitwise, os.X_OK):
        print(f"batch.py: no unitwise binary at {unitwise} (give --unitwise PATH)", file=sys.stderr)
        return 2

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    status = 0
    partial = args.output + ".part"
    try:
        # Blocks end at a line end, so no visit is cut; each is read where it is evaluated, on a worker.
        _, files = read_bytes(args.input, delimiter=b"\n", blocksize=args.blocksize)
        tasks = [delayed(evaluate_block)(block, unitwise) for file_blocks in files for block in file_blocks]
        # A few blocks per worker in flight, results written in block order: memory stays bounded.
        window = 2 * max(1, sum(client.nthreads().values()))
        pending = deque()
        submitted = 0
        with open(partial, "wb") as out:
            while submitted < len(tasks) or pending:
                while submitted < len(tasks) and len(pending) < window:
                    pending.append(client.compute(tasks[submitted]))
                    submitted += 1
                future = pending.popleft()
                code, lines = future.result()
                future.release()
                out.write(lines)
                status = max(status, code)
        os.replace(partial, args.output)
    except Exception as error:  # noqa: BLE001 (a worker's error, re-raised here, whatever its type)
        print(f"batch.py: {error}", file=sys.stderr)
        if os.path.exists(partial):
            os.remove(partial)
        return 2
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
