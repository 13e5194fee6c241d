#!/usr/bin/env python3
"""Times recording a win while CLIENTS clients listen on /v1/changes: connects them all (asyncio, one HTTP/1.1
connection each), then records 50 wins one after another, and prints the p50 and p99 of the POST's latency and of
the time until every client has heard the win (its id in a change event). Run by http-load.
    python3 sse-clients.py BASE_URL TOKEN TEAM_ID CLIENTS
"""
import asyncio, json, sys, time
from urllib.parse import urlparse

base, token, team, clients = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
host, port = urlparse(base).hostname, urlparse(base).port
heard = {}          # win id -> how many clients heard it
all_heard = {}      # win id -> asyncio.Event, set when every client has


async def listen(connected):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(f"GET /v1/changes HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    status = await reader.readline()
    assert b" 200 " in status, status
    while (await reader.readline()) not in (b"\r\n", b"\n"):
        pass
    connected.release()
    while True:
        line = await reader.readline()
        if not line:
            return
        if b'"id"' in line and b"data:" in line:  # chunk-size lines and others never hold both
            payload = line[line.index(b"{"):]
            try:
                change = json.loads(payload)
            except ValueError:
                continue
            win = change.get("id")
            heard[win] = heard.get(win, 0) + 1
            if heard[win] == clients and win in all_heard:
                all_heard[win].set()


async def post():
    reader, writer = await asyncio.open_connection(host, port)
    body = json.dumps({"team": team, "kind": "success", "title": "Heard by all", "story": "A story.", "day": "2026-03-02"}).encode()
    writer.write(f"POST /v1/wins HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\n"
                 f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
    await writer.drain()
    response = await reader.read()
    writer.close()
    head, _, text = response.partition(b"\r\n\r\n")
    assert b" 201 " in head.split(b"\r\n")[0], head
    return json.loads(text)["id"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000


async def main():
    connected = asyncio.Semaphore(0)
    listeners = [asyncio.create_task(listen(connected)) for _ in range(clients)]
    started = time.perf_counter()
    for _ in range(clients):
        await connected.acquire()
    connecting = time.perf_counter() - started
    posts, deliveries = [], []
    for _ in range(50):
        sent = time.perf_counter()
        win = await post()
        posted = time.perf_counter()
        posts.append(posted - sent)
        if clients:
            event = all_heard.setdefault(win, asyncio.Event())
            if heard.get(win, 0) == clients:
                event.set()
            await asyncio.wait_for(event.wait(), 30)
            deliveries.append(time.perf_counter() - sent)
    line = f"{clients:>5} clients on /v1/changes: recording a win p50 {percentile(posts, .5):.1f} ms, p99 {percentile(posts, .99):.1f} ms"
    if clients:
        line += (f"; heard by every client p50 {percentile(deliveries, .5):.1f} ms, p99 {percentile(deliveries, .99):.1f} ms"
                 f" (all {clients} connected in {connecting:.1f} s)")
    print(line, flush=True)
    for task in listeners:
        task.cancel()


asyncio.run(main())
