package dev.volsim.model.core;

/**
 * A weighted node preference ({@code preferredDuringSchedulingIgnoredDuringExecution[]}).
 *
 * @param weight added to a node's score when it matches, 1 to 100
 * @param preference the node selector term
 */
public record PreferredSchedulingTerm(int weight, NodeSelectorTerm preference) {}
