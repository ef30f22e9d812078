// MorseSignal: placeholder until its issue lands.
