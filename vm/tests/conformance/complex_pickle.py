import pickle

for obj in [1 + 2j, [1j, -0j], {"z": complex(1.5, -2)}]:
    print(pickle.loads(pickle.dumps(obj)))
