package dev.volsim.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Generic copies of model records with one component replaced, for code that treats every kind
 * alike (the API server sets metadata and keeps status across updates). The per-class reflective
 * data is derived once and cached; the cache holds no behaviour-relevant state.
 */
public final class Records {
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return new Shape(type);
    }
  };

  private Records() {}

  /** The object with other metadata. */
  @SuppressWarnings("unchecked")
  public static <T extends KubeObject> T withMetadata(T object, ObjectMeta metadata) {
    return (T) with((Record) object, "metadata", metadata);
  }

  /** Whether the record has a component of that name. */
  public static boolean has(Record record, String component) {
    return SHAPES.get(record.getClass()).index(component) >= 0;
  }

  /** A component's value. */
  public static Object get(Record record, String component) {
    Shape shape = SHAPES.get(record.getClass());
    int i = shape.index(component);
    if (i < 0) {
      throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
    }
    try {
      return shape.accessors[i].invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  /** A copy with one component replaced (the canonical constructor normalises it as usual). */
  public static <R extends Record> R with(R record, String component, Object value) {
    Shape shape = SHAPES.get(record.getClass());
    int target = shape.index(component);
    if (target < 0) {
      throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + component);
    }
    Object[] args = new Object[shape.accessors.length];
    try {
      for (int i = 0; i < args.length; i++) {
        args[i] = i == target ? value : shape.accessors[i].invoke(record);
      }
      @SuppressWarnings("unchecked")
      R copy = (R) shape.constructor.newInstance(args);
      return copy;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + record.getClass(), e);
    }
  }

  private static final class Shape {
    final String[] names;
    final Method[] accessors;
    final Constructor<?> constructor;

    Shape(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      if (components == null) {
        throw new IllegalArgumentException(type + " is not a record");
      }
      names = new String[components.length];
      accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        names[i] = components[i].getName();
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
        types[i] = components[i].getType();
      }
      try {
        constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }

    int index(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }
}
