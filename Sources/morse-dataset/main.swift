print("morse-dataset")
