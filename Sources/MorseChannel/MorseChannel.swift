// MorseChannel: placeholder until its issue lands.
