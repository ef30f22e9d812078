public enum MorseDatasetPlaceholder {}
