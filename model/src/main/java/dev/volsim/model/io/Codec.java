package dev.volsim.model.io;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.AlwaysWrite;
import dev.volsim.model.Bytes;
import dev.volsim.model.Inline;
import dev.volsim.model.IntOrString;
import dev.volsim.model.KubeObject;
import dev.volsim.model.Quantity;
import dev.volsim.model.WireEnum;
import dev.volsim.model.WireName;
import dev.volsim.model.io.YNode.Entry;
import dev.volsim.model.io.YNode.ScalarKind;
import dev.volsim.model.io.YNode.YList;
import dev.volsim.model.io.YNode.YMap;
import dev.volsim.model.io.YNode.YScalar;
import dev.volsim.model.validation.FieldError;
import dev.volsim.model.validation.FieldPath;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns {@link YNode} trees into model records and records into plain trees, driven by the
 * records' components: a component's name is its field name unless {@link WireName} says
 * otherwise; {@link Inline} components hold one of a sealed family written inline.
 *
 * <p>Decoding never throws for bad input: it collects {@link FieldError}s (unknown and duplicate
 * fields, wrong types, unsupported enum values) and records each field's location. Encoding gives
 * {@code LinkedHashMap}/{@code List}/scalar trees in the records' declaration order, leaving out
 * nulls, empty collections and false primitive booleans, so that decoding the result gives an
 * equal record.
 */
public final class Codec {
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

  private final List<FieldError> errors;
  private final SourceMap sourceMap;

  private Codec(List<FieldError> errors, SourceMap sourceMap) {
    this.errors = errors;
    this.sourceMap = sourceMap;
  }

  /**
   * Decodes a top-level object of the given type ({@code apiVersion} and {@code kind} are accepted
   * and skipped). Problems go to {@code errors}; locations to {@code sourceMap}.
   */
  static <T extends KubeObject> T decodeObject(
      YMap node, Class<T> type, List<FieldError> errors, SourceMap sourceMap) {
    Codec codec = new Codec(errors, sourceMap);
    return type.cast(codec.decodeRecord(node, type, FieldPath.root(), true));
  }

  /** Decodes any model value (record, list, map, scalar type) from a tree, collecting errors. */
  public static Object decodeValue(YNode node, Type type, List<FieldError> errors) {
    return new Codec(errors, new SourceMap(node.location())).decode(node, type, FieldPath.root());
  }

  // ------------------------------------------------------------------ decoding

  private Object decode(YNode node, Type type, FieldPath path) {
    sourceMap.put(path, node.location());
    if (node instanceof YScalar s && s.kind() == ScalarKind.NULL) {
      return null;
    }
    Class<?> raw = rawClass(type);
    if (raw == ImmutableList.class || raw == List.class) {
      if (!(node instanceof YList list)) {
        return typeError(node, path, "array");
      }
      Type element = typeArgument(type, 0);
      List<Object> out = new ArrayList<>(list.items().size());
      for (int i = 0; i < list.items().size(); i++) {
        Object v = decode(list.items().get(i), element, path.index(i));
        if (v != null) {
          out.add(v);
        }
      }
      return ImmutableList.copyOf(out);
    }
    if (raw == ImmutableSortedMap.class || raw == ImmutableMap.class || raw == Map.class) {
      if (!(node instanceof YMap map)) {
        return typeError(node, path, "object");
      }
      Type valueType = typeArgument(type, 1);
      Map<String, Object> out = new TreeMap<>();
      for (Entry e : map.entries()) {
        FieldPath child = path.key(e.key());
        sourceMap.put(child, e.keyLocation());
        if (out.containsKey(e.key())) {
          sourceMap.putDuplicate(child, e.keyLocation());
          errors.add(FieldError.duplicateField(child));
        }
        Object v = decode(e.value(), valueType, child);
        if (v != null) {
          out.put(e.key(), v);
        }
      }
      return ImmutableSortedMap.copyOf(out);
    }
    if (raw.isRecord() && raw != IntOrString.class) {
      if (!(node instanceof YMap map)) {
        return typeError(node, path, "object");
      }
      return decodeRecord(map, raw, path, false);
    }
    if (!(node instanceof YScalar scalar)) {
      return typeError(node, path, expectedName(raw));
    }
    return decodeScalar(scalar, raw, path);
  }

  private Object decodeScalar(YScalar s, Class<?> raw, FieldPath path) {
    if (raw == String.class) {
      return s.kind() == ScalarKind.STRING ? s.text() : typeError(s, path, "string");
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      if (s.kind() != ScalarKind.INT) {
        return typeError(s, path, raw == Long.class || raw == long.class ? "int64" : "int32");
      }
      BigInteger v = Scalars.parseInt(s.text());
      boolean isInt = raw == Integer.class || raw == int.class;
      if (v == null || v.bitLength() > (isInt ? 31 : 63)) {
        errors.add(FieldError.decode(path, "cannot unmarshal number " + s.text() + " into a field of type "
            + (isInt ? "int32" : "int64") + " (out of range)"));
        return null;
      }
      return isInt ? (Object) v.intValue() : (Object) v.longValue();
    }
    if (raw == Boolean.class || raw == boolean.class) {
      if (s.kind() != ScalarKind.BOOL) {
        return typeError(s, path, "bool");
      }
      String t = s.text().toLowerCase(java.util.Locale.ROOT);
      return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
    }
    if (raw == Quantity.class) {
      if (s.kind() == ScalarKind.BOOL) {
        return typeError(s, path, "quantity");
      }
      try {
        return Quantity.parse(s.text());
      } catch (IllegalArgumentException e) {
        errors.add(FieldError.decode(path, e.getMessage()));
        return null;
      }
    }
    if (raw == IntOrString.class) {
      if (s.kind() == ScalarKind.INT) {
        BigInteger v = Scalars.parseInt(s.text());
        if (v != null && v.bitLength() <= 31) {
          return IntOrString.of(v.intValue());
        }
      }
      if (s.kind() == ScalarKind.STRING) {
        return IntOrString.of(s.text());
      }
      return typeError(s, path, "int or string");
    }
    if (raw == Instant.class) {
      if (s.kind() != ScalarKind.STRING) {
        return typeError(s, path, "string");
      }
      try {
        return OffsetDateTime.parse(s.text()).toInstant();
      } catch (DateTimeParseException e) {
        errors.add(FieldError.decode(path, "parsing time " + FieldError.quote(s.text())
            + " as RFC 3339: cannot parse"));
        return null;
      }
    }
    if (raw == Bytes.class) {
      if (s.kind() != ScalarKind.STRING) {
        return typeError(s, path, "string");
      }
      try {
        return Bytes.fromBase64(s.text());
      } catch (IllegalArgumentException e) {
        errors.add(FieldError.decode(path, e.getMessage()));
        return null;
      }
    }
    if (raw.isEnum() && WireEnum.class.isAssignableFrom(raw)) {
      if (s.kind() != ScalarKind.STRING) {
        return typeError(s, path, "string");
      }
      for (Object constant : raw.getEnumConstants()) {
        if (((WireEnum) constant).wire().equals(s.text())) {
          return constant;
        }
      }
      List<String> supported = new ArrayList<>();
      for (Object constant : raw.getEnumConstants()) {
        supported.add(((WireEnum) constant).wire());
      }
      supported.sort(null);
      errors.add(FieldError.notSupported(path, s.text(), supported));
      return null;
    }
    throw new IllegalStateException("no codec for " + raw + " at " + path);
  }

  private Object typeError(YNode node, FieldPath path, String expected) {
    String got = node.typeName();
    String shown = node instanceof YScalar s && s.kind() != ScalarKind.STRING ? " " + s.text() : "";
    errors.add(FieldError.decode(path, "Invalid type: cannot unmarshal " + got + shown
        + " into a field of type " + expected));
    return null;
  }

  private static String expectedName(Class<?> raw) {
    if (raw == Integer.class || raw == int.class) {
      return "int32";
    } else if (raw == Long.class || raw == long.class) {
      return "int64";
    } else if (raw == Boolean.class || raw == boolean.class) {
      return "bool";
    } else if (raw == Quantity.class) {
      return "quantity";
    } else if (raw == IntOrString.class) {
      return "int or string";
    } else {
      return "string";
    }
  }

  private Object decodeRecord(YMap map, Class<?> type, FieldPath path, boolean topLevel) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Map<String, Integer> byName = new LinkedHashMap<>();
    Map<String, Class<?>> inlineAlternatives = new LinkedHashMap<>();
    int inlineIndex = -1;
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      if (c.isAnnotationPresent(Inline.class)) {
        inlineIndex = i;
        for (Class<?> alt : c.getType().getPermittedSubclasses()) {
          inlineAlternatives.put(alt.getAnnotation(WireName.class).value(), alt);
        }
      } else {
        byName.put(wireName(c), i);
      }
    }
    Set<String> seen = new HashSet<>();
    Map<String, Entry> inlineFound = new LinkedHashMap<>();
    for (Entry e : map.entries()) {
      FieldPath child = path.child(e.key());
      sourceMap.put(child, e.keyLocation());
      if (!seen.add(e.key())) {
        sourceMap.putDuplicate(child, e.keyLocation());
        errors.add(FieldError.duplicateField(child));
        continue;
      }
      if (topLevel && (e.key().equals("apiVersion") || e.key().equals("kind"))) {
        continue;
      }
      Integer index = byName.get(e.key());
      if (index != null) {
        args[index] = decode(e.value(), components[index].getGenericType(), child);
      } else if (inlineAlternatives.containsKey(e.key())) {
        inlineFound.put(e.key(), e);
      } else {
        errors.add(FieldError.unknownField(child));
      }
    }
    if (inlineIndex >= 0 && !inlineFound.isEmpty()) {
      String what = components[inlineIndex].getAnnotation(Inline.class).fieldName();
      boolean first = true;
      // The API checks the types in a fixed order; the first present wins, the others are errors.
      for (Map.Entry<String, Class<?>> alt : inlineAlternatives.entrySet()) {
        Entry e = inlineFound.get(alt.getKey());
        if (e == null) {
          continue;
        }
        FieldPath child = path.child(e.key());
        if (first) {
          Object v = decode(e.value(), alt.getValue(), child);
          if (v == null && e.value() instanceof YScalar s && s.kind() == ScalarKind.NULL) {
            // "nfs: null" names no source at all, as in the API.
            continue;
          }
          args[inlineIndex] = v;
          first = false;
        } else {
          errors.add(FieldError.forbidden(child, "may not specify more than 1 " + what));
        }
      }
    }
    for (int i = 0; i < components.length; i++) {
      if (args[i] == null && components[i].getType().isPrimitive()) {
        args[i] = components[i].getType() == boolean.class ? Boolean.FALSE
            : components[i].getType() == long.class ? (Object) 0L : (Object) 0;
      }
    }
    try {
      Constructor<?> ctor = canonicalConstructor(type);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      errors.add(FieldError.decode(path, cause.getMessage()));
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type, e);
    }
  }

  static Constructor<?> canonicalConstructor(Class<?> type) throws NoSuchMethodException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    Constructor<?> ctor = type.getDeclaredConstructor(types);
    ctor.setAccessible(true);
    return ctor;
  }

  static String wireName(RecordComponent c) {
    WireName w = c.getAnnotation(WireName.class);
    return w != null ? w.value() : c.getName();
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    } else if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    } else {
      throw new IllegalStateException("unsupported type " + type);
    }
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      return args[Math.min(index, args.length - 1)];
    }
    return String.class;
  }

  // ------------------------------------------------------------------ encoding

  /**
   * The object as a plain tree ({@code apiVersion}, {@code kind}, then its components), ready for
   * a JSON or YAML writer.
   */
  public static Map<String, Object> encodeObject(KubeObject object) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("apiVersion", object.apiVersion());
    out.put("kind", object.kind());
    out.putAll(encodeRecord((Record) object));
    return out;
  }

  /** Any model value as a plain tree; null for null. */
  public static Object encodeValue(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof IntOrString ios) {
      return ios.isInt() ? (Object) ios.intValue() : ios.stringValue();
    } else if (value instanceof Record r) {
      return encodeRecord(r);
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object o : list) {
        out.add(encodeValue(o));
      }
      return out;
    } else if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      new TreeMap<>(map).forEach((k, v) -> out.put((String) k, encodeValue(v)));
      return out;
    } else if (value instanceof WireEnum e) {
      return e.wire();
    } else if (value instanceof Quantity q) {
      return q.toString();
    } else if (value instanceof IntOrString ios) {
      return ios.isInt() ? (Object) ios.intValue() : ios.stringValue();
    } else if (value instanceof Instant t) {
      return RFC3339.format(t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    } else if (value instanceof Bytes b) {
      return b.toBase64();
    } else {
      return value;
    }
  }

  private static Map<String, Object> encodeRecord(Record r) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      Object v;
      try {
        java.lang.reflect.Method accessor = c.getAccessor();
        accessor.setAccessible(true);
        v = accessor.invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c, e);
      }
      if (v == null) {
        continue;
      }
      if (c.isAnnotationPresent(Inline.class)) {
        out.put(v.getClass().getAnnotation(WireName.class).value(), encodeValue(v));
        continue;
      }
      if (v instanceof Boolean b && !b && c.getType() == boolean.class && !c.isAnnotationPresent(AlwaysWrite.class)) {
        continue;
      }
      if ((v instanceof List<?> l && l.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty())) {
        continue;
      }
      out.put(wireName(c), encodeValue(v));
    }
    return out;
  }
}
