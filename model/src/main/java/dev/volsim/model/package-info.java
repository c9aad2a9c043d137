/**
 * Kubernetes objects as immutable records, read from and written to YAML or JSON exactly as the
 * API server does, and validated with the API server's own field paths and messages.
 */
package dev.volsim.model;
