package dev.volsim.model.core;

/**
 * A preferred Pod (anti-)affinity term with its weight.
 *
 * @param weight 1 to 100
 * @param podAffinityTerm the term
 */
public record WeightedPodAffinityTerm(int weight, PodAffinityTerm podAffinityTerm) {}
