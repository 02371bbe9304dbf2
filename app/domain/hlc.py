"""Hybrid logical clock stamps: wall time, a counter, and the device, sortable as text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Hlc:
    """One HLC stamp; ordering is (wall_ms, counter, node), so ties break on the device id."""

    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> Hlc:
        wall, counter, node = text.split("-", 2)
        return cls(int(wall), int(counter), node)


def tick(last: Hlc | None, *, now_ms: int, node: str) -> Hlc:
    """Next local stamp: never behind ``last`` even if the wall clock went backwards."""
    if last is None or now_ms > last.wall_ms:
        return Hlc(now_ms, 0, node)
    return Hlc(last.wall_ms, last.counter + 1, node)


def receive(last: Hlc | None, remote: Hlc, *, now_ms: int, node: str) -> Hlc:
    """Stamp after seeing ``remote`` (e.g. the server time on a pull)."""
    wall = max(now_ms, remote.wall_ms, last.wall_ms if last else 0)
    counters = [-1]
    if last is not None and last.wall_ms == wall:
        counters.append(last.counter)
    if remote.wall_ms == wall:
        counters.append(remote.counter)
    return Hlc(wall, max(counters) + 1, node)
