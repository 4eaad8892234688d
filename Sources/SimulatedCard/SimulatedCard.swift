// SimulatedCard: a software card.
