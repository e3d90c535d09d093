print("trex")
