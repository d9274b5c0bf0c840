import json

data = {"name": "gen", "values": [1, 2.5, None, True, "x\n"], "nested": {"a": [], "b": {}}}
text = json.dumps(data, sort_keys=True)
print(text)
print(json.loads(text) == data)
print(json.dumps([1, {"k": "v"}], indent=2))
try:
    json.loads("{bad")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
