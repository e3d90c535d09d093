print("trex-bench: not yet")
