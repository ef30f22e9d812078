"""Cluster runs: the local simulation from docs/cluster.md (N processes, then merge), and shards
that take their index from SLURM and Kubernetes variables and share one folder. Both must equal a
single run byte for byte."""
import os
import re
import subprocess
from pathlib import Path

from conftest import BINARY, SMALL_RUN, assert_same_dataset, run_tool

DOC = Path(__file__).resolve().parents[1] / "docs/cluster.md"


def local_simulation_script():
    """The bash block of docs/cluster.md's "Simulating a cluster on one machine" section."""
    section = DOC.read_text().split("## Simulating a cluster on one machine", 1)[1]
    return re.search(r"```bash\n(.*?)```", section, re.S).group(1)


def test_the_documented_local_simulation_equals_a_single_run(tmp_path, small_reference):
    out = tmp_path / "cw"
    environment = {**os.environ, "MORSE": BINARY, "SHARDS": "3", "OUT": str(out), "ARGS": " ".join(SMALL_RUN)}
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", local_simulation_script()], cwd=tmp_path, env=environment,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Merged 3 journals from 3 folders; copied 60 clips." in result.stdout
    log = (tmp_path / "cw.shard-1.log").read_text()
    assert "shard 1 of 3 (from --shard-index): clips 20 to 39" in log and "morse-dataset merge" in log
    assert_same_dataset(out, small_reference)


def test_slurm_and_kubernetes_shards_share_a_folder_and_merge_in_place(tmp_path, small_reference):
    out = tmp_path / "shared"
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLURM_", "JOB_COMPLETION"))}
    slurm = {**base, "SLURM_ARRAY_TASK_ID": "7", "SLURM_ARRAY_TASK_MIN": "7", "SLURM_ARRAY_TASK_MAX": "8"}
    kubernetes = {**base, "JOB_COMPLETION_INDEX": "1"}
    command = [BINARY, "generate", *SMALL_RUN, "--output-dir", str(out), "--num-workers", "1", "--progress", "none"]
    processes = [subprocess.Popen(command, env=slurm, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True),
                 subprocess.Popen(command + ["--num-shards", "2"], env=kubernetes, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)]
    outputs = [p.communicate() for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    assert "shard 0 of 2 (from SLURM_ARRAY_TASK_ID)" in outputs[0][0]
    assert "shard 1 of 2 (from JOB_COMPLETION_INDEX)" in outputs[1][0]
    assert not (out / "metadata.csv").exists(), "a shard of several does not finalise"
    journals = sorted(p.name for p in (out / ".morse-dataset").glob("journal*.jsonl"))
    assert journals == ["journal.shard-0000-of-0002.jsonl", "journal.shard-0001-of-0002.jsonl"]
    merged = run_tool("merge", out)
    assert "copied 0 clips" in merged.stdout
    assert_same_dataset(out, small_reference)


def test_merge_names_a_missing_shard_and_writes_nothing(tmp_path):
    shard = tmp_path / "s0"
    run_tool("generate", "--num-samples", 6, "--seed", 21, "--max-duration", 6, "--output-dir", shard,
             "--shard-index", 0, "--num-shards", 2, "--progress", "none")
    out = tmp_path / "merged"
    result = run_tool("merge", out, shard, check=False)
    assert result.returncode == 1
    assert "3 of 6 clips are missing (ids 3–5)" in result.stderr and "shard 1 of 2 (ids 3–5): no journal" in result.stderr
    assert not out.exists()
