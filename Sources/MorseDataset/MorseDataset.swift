// MorseDataset: placeholder until its issue lands.
