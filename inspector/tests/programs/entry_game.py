def duel(rounds):
    hp = {"me": 10, "foe": 10}
    log = []
    for r in range(rounds):
        move = yield (r, dict(hp))
        if move == "attack":
            hp["foe"] -= 3
        elif move == "heal":
            hp["me"] += 2
        hp["me"] -= 1
        log.append(move)
    return hp, log

if __name__ == "__main__":
    print("main block must not run under --entry")
