LEAF = "leaf"
print("leaf runs as", __name__)
