package dev.volsim.model.io;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Bytes;
import dev.volsim.model.Inline;
import dev.volsim.model.IntOrString;
import dev.volsim.model.Quantity;
import dev.volsim.model.WireEnum;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded random instances of any model record, for round-trip properties. Values are whatever the
 * types allow (not necessarily valid objects): strings include characters that need quoting in
 * YAML, numbers their extremes, collections are small, nesting is bounded.
 */
final class RandomObjects {
  private static final String[] WORDS = {
    "", "a", "web", "data", "yes", "no", "on", "null", "~", "true", "0644", "0x1F", "1e3", "12",
    "-1", "1.5", ".inf", "2024-01-02", "a: b", "x #y", "- item", "a\nb", "a\nb\n", "  lead",
    "trail ", "tab\there", "quote\"s", "back\\slash", "中文", "emoji😀", "{}", "[x]", "&a", "*a",
    "!tag", "%p", "@at", "`b", "'s'", "k=v,x", "/var/lib/data", "ReadWriteOnce", "\u0007bell",
    "line1\n\nline3", "ends\n\n", ":", "-", "?", "a,b", "$(VAR)", "${x}", "#c"
  };

  private final SplittableRandom random;
  private final int maxDepth;

  RandomObjects(long seed, int maxDepth) {
    this.random = new SplittableRandom(seed);
    this.maxDepth = maxDepth;
  }

  <T> T next(Class<T> type) {
    return type.cast(value(type, 0, true));
  }

  private Object value(Type type, int depth, boolean required) {
    Class<?> raw = raw(type);
    if (raw.isPrimitive()) {
      if (raw == boolean.class) {
        return random.nextBoolean();
      } else if (raw == int.class) {
        return smallInt();
      } else {
        return (long) smallInt();
      }
    }
    boolean optional = !required && !(raw == ImmutableList.class || raw == ImmutableSortedMap.class || raw == ImmutableMap.class);
    if (optional && (depth >= maxDepth ? random.nextInt(4) > 0 : random.nextInt(3) == 0)) {
      return null;
    }
    if (raw == String.class) {
      return string();
    } else if (raw == Integer.class) {
      return smallInt();
    } else if (raw == Long.class) {
      return random.nextInt(5) == 0 ? Long.MAX_VALUE : (long) smallInt();
    } else if (raw == Boolean.class) {
      return random.nextBoolean();
    } else if (raw == Quantity.class) {
      return quantity();
    } else if (raw == IntOrString.class) {
      return random.nextBoolean() ? IntOrString.of(smallInt()) : IntOrString.of(random.nextInt(101) + "%");
    } else if (raw == Instant.class) {
      return Instant.ofEpochSecond(1_600_000_000L + random.nextInt(200_000_000));
    } else if (raw == Bytes.class) {
      byte[] b = new byte[random.nextInt(8)];
      random.nextBytes(b);
      return Bytes.of(b);
    } else if (raw.isEnum() && WireEnum.class.isAssignableFrom(raw)) {
      Object[] constants = raw.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    } else if (raw == ImmutableList.class) {
      int n = depth >= maxDepth ? 0 : random.nextInt(3);
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(value(arg(type, 0), depth + 1, true));
      }
      return ImmutableList.copyOf(out);
    } else if (raw == ImmutableSortedMap.class || raw == ImmutableMap.class) {
      int n = depth >= maxDepth ? 0 : random.nextInt(3);
      Map<String, Object> out = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        out.put(string(), value(arg(type, 1), depth + 1, true));
      }
      return ImmutableSortedMap.copyOf(out);
    } else if (raw.isRecord()) {
      return record(raw, depth);
    } else if (raw.isSealed()) {
      Class<?>[] alts = raw.getPermittedSubclasses();
      return record(alts[random.nextInt(alts.length)], depth);
    }
    throw new IllegalStateException("no generator for " + type);
  }

  private Object record(Class<?> type, int depth) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      boolean inline = components[i].isAnnotationPresent(Inline.class);
      args[i] = value(components[i].getGenericType(), depth + 1, inline);
    }
    try {
      Constructor<?> ctor = type.getDeclaredConstructor(types);
      ctor.setAccessible(true);
      return ctor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type + ": " + e.getCause(), e);
    }
  }

  private int smallInt() {
    return switch (random.nextInt(6)) {
      case 0 -> 0;
      case 1 -> Integer.MAX_VALUE;
      case 2 -> -random.nextInt(1000);
      default -> random.nextInt(100_000);
    };
  }

  private String string() {
    if (random.nextInt(3) == 0) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        sb.append((char) (0x20 + random.nextInt(0x5f)));
      }
      return sb.toString();
    }
    return WORDS[random.nextInt(WORDS.length)];
  }

  private Quantity quantity() {
    String[] suffixes = {"", "Ki", "Mi", "Gi", "Ti", "m", "k", "M", "G"};
    return Quantity.parse(random.nextInt(5000) + suffixes[random.nextInt(suffixes.length)]);
  }

  private static Class<?> raw(Type t) {
    return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
  }

  private static Type arg(Type t, int i) {
    Type[] args = ((ParameterizedType) t).getActualTypeArguments();
    return args[Math.min(i, args.length - 1)];
  }
}
