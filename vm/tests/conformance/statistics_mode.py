import statistics as st

print(st.mode([1, 1, 2, 3]), st.mode(["red", "blue", "blue"]), st.multimode("aabbbbccddddeeffffgg"), st.multimode([]))
