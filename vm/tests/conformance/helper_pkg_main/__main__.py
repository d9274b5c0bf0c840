print("running", __name__, __package__)
