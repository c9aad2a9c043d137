package dev.volsim.model.core;

/**
 * A Pod's scheduling constraints ({@code affinity}).
 *
 * @param nodeAffinity constraints on the node's labels
 * @param podAffinity Pods to be co-located with
 * @param podAntiAffinity Pods to be kept away from
 */
public record Affinity(NodeAffinity nodeAffinity, PodAffinity podAffinity, PodAntiAffinity podAntiAffinity) {}
