def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        pass
    else:
        return "F"
    return "C"


print([grade(s) for s in (95, 85, 75, 10)])
print("yes" if [] else "no", "yes" if [0] else "no")
print(0 or "" or None or "last", 1 and 2 and 3, None and 1)
print(not 0, not "x")
