package dev.volsim.scenario;

/**
 * A scenario's {@code metadata}.
 *
 * @param name its name, or null
 * @param description its one-line description, or null
 */
public record ScenarioMetadata(String name, String description) {}
