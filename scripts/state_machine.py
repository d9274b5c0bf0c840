"""State machines written as coroutines.

A coroutine's current position in its code *is* its state, so a state
machine can be written as straight-line code instead of a transition
table.  Two machines are shown:

  * a vending machine that receives events (coins, selections, cancel)
    through ``send()`` and answers each with a status message;
  * a frame decoder for a tiny serial protocol that is fed one byte at
    a time and yields complete, checksum-verified messages.
"""
import functools


PRICES = {"A1": 120, "A2": 90, "B1": 150}
COINS = (10, 20, 50, 100)


class VendingError(Exception):
    pass


def vending_machine(stock):
    """Events: ("coin", cents), ("select", code), ("cancel",)."""
    credit = 0
    message = "ready"
    while True:
        event = yield message
        kind = event[0]
        try:
            if kind == "coin":
                if event[1] not in COINS:
                    raise VendingError(f"rejected coin {event[1]}")
                credit += event[1]
                message = f"credit {credit}"
            elif kind == "select":
                code = event[1]
                if code not in PRICES:
                    raise VendingError(f"no such item {code}")
                if stock.get(code, 0) == 0:
                    raise VendingError(f"{code} sold out")
                price = PRICES[code]
                if credit < price:
                    raise VendingError(f"{code} costs {price}, credit {credit}")
                stock[code] -= 1
                change, credit = credit - price, 0
                message = f"vend {code}" + (f", change {change}" if change else "")
            elif kind == "cancel":
                message = f"refund {credit}" if credit else "nothing to refund"
                credit = 0
            else:
                raise VendingError(f"unknown event {kind}")
        except VendingError as err:
            message = f"error: {err}"


STX = 0x02


def frame_decoder():
    """Feed bytes with send(); yields a decoded message or None.

    Frame layout: STX, length, payload bytes, checksum, where checksum
    is the XOR of the length and payload bytes.
    """
    result = None
    while True:
        byte = yield result
        result = None
        if byte != STX:
            continue                        # state: hunting for start
        length = yield None                 # state: reading length
        payload = []
        while len(payload) < length:        # state: reading payload
            payload.append((yield None))
        check = yield None                  # state: reading checksum
        expected = functools.reduce(lambda a, b: a ^ b, payload, length)
        text = "".join(chr(b) for b in payload)
        if check == expected:
            result = ("ok", text)
        else:
            result = ("bad-checksum", text)


def encode(text):
    data = [ord(c) for c in text]
    check = functools.reduce(lambda a, b: a ^ b, data, len(data))
    return [STX, len(data)] + data + [check]


def main():
    stock = {"A1": 2, "A2": 1, "B1": 0}
    vm = vending_machine(stock)
    print(f"start: {next(vm)}")
    events = [
        ("coin", 100), ("coin", 20), ("select", "A1"),
        ("coin", 50), ("coin", 5), ("select", "A2"),
        ("coin", 50), ("select", "A2"),
        ("coin", 100), ("select", "A2"), ("select", "B1"), ("select", "C9"),
        ("coin", 50), ("select", "A1"), ("coin", 20), ("cancel",), ("cancel",),
        ("kick",),
    ]
    for event in events:
        args = ", ".join(str(a) for a in event[1:])
        print(f"  {event[0]:>6}({args:<3}) -> {vm.send(event)}")
    print(f"stock left: {sorted(stock.items())}")

    print("frame decoder:")
    stream = [0x00, 0x7F] + encode("HELLO") + [0x55] + encode("GEN")
    corrupted = encode("BAD")
    corrupted[3] ^= 0x01
    stream += corrupted + encode("") + encode("yield")
    decoder = frame_decoder()
    next(decoder)
    for i, byte in enumerate(stream):
        out = decoder.send(byte)
        if out is not None:
            status, text = out
            print(f"  byte {i:2d}: {status:<12} {text!r}")
    print(f"  {len(stream)} bytes consumed")


if __name__ == "__main__":
    main()
