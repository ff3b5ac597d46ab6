"""Chaos run of a real sweep: kills the orchestrator, the broker, the MLflow server and trial JVMs at random
moments, resumes and restarts them, then counts what MLflow and the process table show (see scripts/chaos.sh)."""
import argparse
import collections
import json
import random
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

SWEEP = """name: {name}
seed: {seed}
dataset: {{name: fashion-mnist, train_subset: 12000, test_subset: 500}}
teacher: {{architecture: mlp, width: 64, depth: 1, epochs: 2}}
objectives:
  - {{metric: accuracy, direction: maximize}}
  - {{metric: size_bytes, direction: minimize}}
search:
  strategy: random
  budget: {trials}
  parallelism: 2
  trial_timeout_minutes: 10
  space:
    chain: [[distill], [distill, quantize], [prune, quantize], [quantize]]
    distill: {{student: cnn, width: [8, 16], epochs: 6}}
    prune: {{sparsity: [0.3, 0.6], finetune_epochs: 3}}
"""


def sh(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout


def pids(pattern):
    return [int(p) for p in sh("pgrep", "-f", pattern).split()]


def tree(pid):
    """pid and all its descendants."""
    out = [pid]
    for child in pids_of_parent(pid):
        out += tree(child)
    return out


def pids_of_parent(pid):
    return [int(p) for p in sh("pgrep", "-P", str(pid)).split()]


def kill(pattern):
    """kill -9 the processes matching pattern and their descendants (a server's workers too)."""
    found = [p for root in pids(pattern) for p in tree(root)]
    for pid in found:
        subprocess.run(["kill", "-9", str(pid)], check=False)
    return found


class Chaos:
    def __init__(self, args):
        self.home = Path(args.home)
        self.cw = str(self.home / "bin" / "compressweep")
        self.services_dir = self.home / ".local" / "services"
        self.work = Path(args.work)
        self.work.mkdir(parents=True, exist_ok=True)
        self.rng = random.Random(args.seed)
        self.name = f"chaos-{args.seed}-{int(time.time())}"
        self.sweep = self.work / f"{self.name}.yaml"
        self.sweep.write_text(SWEEP.format(name=self.name, seed=args.seed, trials=args.trials))
        self.log = open(self.work / f"{self.name}.log", "a")
        self.trials = args.trials
        self.proc = None
        self.mlflow = None
        self.foreign = set(pids("dev[.]compressweep[.]workers[.]trial[.]TrialMain"))
        # services nobody ran before this run are this run's: stopped at its end, not left behind
        self.owns_services = " running " not in sh(self.cw, "services", "status")

    def say(self, text):
        print(f"[chaos {time.strftime('%H:%M:%S')}] {text}", flush=True)
        self.log.write(f"[chaos] {text}\n")
        self.log.flush()

    def services(self):
        out = sh(self.cw, "services", "start")
        urls = re.findall(r"http://[0-9.]+:[0-9]+", out)
        if urls:
            self.mlflow = urls[0]
        return out

    def start(self):
        self.proc = subprocess.Popen([self.cw, "run", str(self.sweep), "--out", str(self.work / "out")],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.say(f"orchestrator started (pid {self.proc.pid})")

    def ensure_running(self):
        code = self.proc.poll()
        if code is not None and code != 0:
            self.say(f"orchestrator exited with {code}: resuming")
            self.services()
            self.start()
        return code

    def act(self, action):
        if action == "orchestrator":
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
            self.say("kill -9 orchestrator; resuming")
            self.start()
        elif action == "broker":
            self.say(f"kill -9 broker {kill('kafka[.]Kafka ' + str(self.services_dir / 'kafka'))}; down for 20 s")
            time.sleep(20)
            self.services()
            self.say("broker restarted")
        elif action == "mlflow":
            self.say(f"kill -9 MLflow {kill('mlflow server .*' + str(self.services_dir / 'mlflow'))}; down for 15 s")
            time.sleep(15)
            self.services()
            self.say("MLflow restarted")
        elif action == "trial":
            trials = self.trial_jvms()
            if trials:
                victim = self.rng.choice(trials)
                subprocess.run(["kill", "-9", str(victim)], check=False)
                self.say(f"kill -9 trial JVM {victim}")
            else:
                self.say("no trial JVM running to kill")
                return False
        return True

    def trial_jvms(self):
        """Trial JVMs (fresh or warm workers) started since this chaos run began, not other users' ones."""
        return [p for p in pids("dev[.]compressweep[.]workers[.]trial[.]TrialMain") if p not in self.foreign]

    def orphans(self):
        """Trial JVMs of this run whose launcher is gone (adopted by init): they outlived their orchestrator."""
        return [p for p in self.trial_jvms() if sh("ps", "-o", "ppid=", "-p", str(p)).strip() == "1"]

    def run(self, plan, max_minutes):
        self.services()
        self.start()
        deadline = time.time() + max_minutes * 60
        pending = list(plan)
        while pending and time.time() < deadline:
            time.sleep(self.rng.uniform(4, 9))
            if self.ensure_running() == 0:
                self.say(f"the sweep ended before {len(pending)} actions: {pending}")
                break
            if self.act(pending[0]):
                pending.pop(0)
        for _ in range(10):
            while self.proc.poll() is None and time.time() < deadline:
                time.sleep(2)
            if self.proc.poll() == 0:
                break
            self.ensure_running()
        self.say(f"orchestrator ended with {self.proc.poll()}")
        return pending

    def rest(self, path, body=None):
        url = f"{self.mlflow}/api/2.0/mlflow/{path}"
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def count(self):
        experiment = self.rest("experiments/get-by-name?experiment_name=" + urllib.parse.quote(self.name))
        runs, token = [], None
        while True:
            body = {"experiment_ids": [experiment["experiment"]["experiment_id"]], "max_results": 1000}
            if token:
                body["page_token"] = token
            page = self.rest("runs/search", body)
            runs += page.get("runs", [])
            token = page.get("next_page_token")
            if not token:
                break
        tags = lambda r: {t["key"]: t["value"] for t in r["data"].get("tags", [])}
        trials = [r for r in runs if tags(r).get("compressweep.kind") == "trial"]
        by_id = collections.Counter(tags(r).get("compressweep.trial_id") for r in trials)
        status = {tags(r).get("compressweep.trial_id"): r["info"]["status"] for r in trials}
        complete = sum(1 for s in status.values() if s == "FINISHED")
        failed = sum(1 for s in status.values() if s == "FAILED")
        stuck = sum(1 for r in runs if r["info"]["status"] == "RUNNING")
        duplicate_points = 0
        for r in runs:
            for metric in {m["key"] for m in r["data"].get("metrics", [])}:
                history = self.rest("metrics/get-history?run_id=" + r["info"]["run_id"] + "&metric_key="
                                    + urllib.parse.quote(metric) + "&max_results=25000").get("metrics", [])
                steps = collections.Counter(m.get("step", 0) for m in history)
                duplicate_points += sum(n - 1 for n in steps.values() if n > 1)
        return {"planned": self.trials, "complete": complete, "failed": failed,
                "lost": self.trials - complete - failed, "duplicated": sum(n - 1 for n in by_id.values() if n > 1),
                "stuck-running": stuck, "orphans": len(self.orphans()),
                "duplicate-metric-points": duplicate_points}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--home", required=True)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--orchestrator-kills", type=int, default=5)
    parser.add_argument("--broker-restarts", type=int, default=2)
    parser.add_argument("--mlflow-restarts", type=int, default=2)
    parser.add_argument("--trial-kills", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default="/tmp/compressweep-chaos")
    parser.add_argument("--max-minutes", type=float, default=40)
    args = parser.parse_args()
    chaos = Chaos(args)
    plan = (["orchestrator"] * args.orchestrator_kills + ["broker"] * args.broker_restarts
            + ["mlflow"] * args.mlflow_restarts + ["trial"] * args.trial_kills)
    chaos.rng.shuffle(plan)
    chaos.say("plan: " + ", ".join(plan))
    try:
        skipped = chaos.run(plan, args.max_minutes)
        # a trial JVM stops within seconds of its launcher's end; one still alive after 30 s is an orphan
        for _ in range(30):
            if not chaos.orphans():
                break
            time.sleep(1)
        c = chaos.count()
    finally:
        if chaos.owns_services:
            chaos.say("stopping the services this run started: " + sh(chaos.cw, "services", "stop").strip())
    print(f"trials planned {c['planned']}, complete {c['complete']}, failed {c['failed']}, lost {c['lost']},"
          f" duplicated {c['duplicated']}, stuck-running {c['stuck-running']}, orphans {c['orphans']},"
          f" duplicate-metric-points {c['duplicate-metric-points']}"
          + (f" (actions not done: {len(skipped)})" if skipped else ""), flush=True)
    bad = c["lost"] + c["duplicated"] + c["stuck-running"] + c["orphans"] + c["duplicate-metric-points"]
    sys.exit(0 if bad == 0 and not skipped else 1)


if __name__ == "__main__":
    main()
