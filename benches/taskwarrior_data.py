#!/usr/bin/env python3
"""Writes N Taskwarrior tasks as JSON for `task import`: a share pending with
due dates (some past), the rest completed, over the three years ending NOW.
Deterministic for a seed. Usage: taskwarrior_data.py N OPEN_SHARE SEED > tasks.json"""
import datetime as dt, json, random, sys, uuid

n, share, seed = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
now = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.timezone.utc)
start = now - dt.timedelta(days=1095)
fmt = lambda t: t.strftime("%Y%m%dT%H%M%SZ")
open_count = round(n * share)
summaries = ["表带断裂，要求换货", "快递延误一周未到", "客服态度恶劣，挂断电话", "退款申请超过十天未到账", "发票开具错误"]
out = []
for i in range(n):
    entry = start + (now - start) * (i / n) + dt.timedelta(seconds=rng.randrange(600))
    pending = i >= n - open_count * 3 // 4 * 2 and rng.random() < 0.5 or rng.random() < share / 4 * (i < n - open_count * 3 // 2)
    task = {
        "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "description": f"CP{entry:%Y%m%d}{i % 1000:03d} {rng.choice(summaries)}",
        "entry": fmt(entry),
        "project": rng.choice(["product_quality", "logistics", "service_attitude", "after_sales"]),
        "priority": rng.choice(["L", "L", "M", "H"]),
        "tags": [rng.choice(["phone", "email", "online_chat"])],
        "due": fmt(entry + dt.timedelta(days=rng.choice([1, 2, 3, 5]))),
    }
    if pending and sum(1 for t in out[-1:]) >= 0:
        task["status"] = "pending"
    else:
        task["status"] = "completed"
        task["end"] = fmt(min(now, entry + dt.timedelta(hours=rng.randrange(1, 120))))
    out.append(task)
# Exactly OPEN_SHARE pending: trim or top up from the newest.
pend = [t for t in out if t["status"] == "pending"]
for t in pend[open_count:]:
    t["status"], t["end"] = "completed", t["due"]
k = len(out) - 1
while sum(t["status"] == "pending" for t in out) < open_count and k >= 0:
    if out[k]["status"] == "completed":
        out[k]["status"] = "pending"; out[k].pop("end", None)
    k -= 1
json.dump(out, sys.stdout, ensure_ascii=False)
