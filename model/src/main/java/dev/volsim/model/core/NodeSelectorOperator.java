package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** {@code NodeSelectorRequirement.operator}: how a node's label (or field) is compared. */
public enum NodeSelectorOperator implements WireEnum {
  /** The value is one of {@code values}. */
  IN("In"),
  /** The value is none of {@code values}. */
  NOT_IN("NotIn"),
  /** The label exists. */
  EXISTS("Exists"),
  /** The label does not exist. */
  DOES_NOT_EXIST("DoesNotExist"),
  /** The value, read as an integer, is greater than the single value given. */
  GT("Gt"),
  /** The value, read as an integer, is less than the single value given. */
  LT("Lt");

  private final String wire;

  NodeSelectorOperator(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
