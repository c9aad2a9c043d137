package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** {@code LabelSelectorRequirement.operator}. */
public enum LabelSelectorOperator implements WireEnum {
  /** The label's value is one of {@code values}. */
  IN("In"),
  /** The label's value is none of {@code values} (or the label is absent). */
  NOT_IN("NotIn"),
  /** The label exists. */
  EXISTS("Exists"),
  /** The label does not exist. */
  DOES_NOT_EXIST("DoesNotExist");

  private final String wire;

  LabelSelectorOperator(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
