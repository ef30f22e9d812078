// MorseContent: placeholder until its issue lands.
