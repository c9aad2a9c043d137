package dev.volsim.core.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Untouched trees must cost almost nothing: a cluster of 150,000 Pods cannot hold 150,000 populated
 * file trees. Measured by counting reachable objects, not by timing or heap sampling, so the result
 * is the same on every machine.
 */
class LazyMaterialisationTest {
  @Test
  void oneHundredFiftyThousandEmptyTreesHoldTwoObjectsEach() {
    FileTree[] trees = new FileTree[150_000];
    for (int i = 0; i < trees.length; i++) {
      trees[i] = i % 2 == 0 ? FileTree.create() : Tmpfs.create(16L << 20, 0777);
    }

    ObjectCount count = ObjectCount.reachableFrom(trees);
    assertThat(count.objects()).isLessThanOrEqualTo(2L * trees.length + 10);
    assertThat(count.arrayBytes()).isLessThan(1024);
  }

  @Test
  void aTreeGrowsOnlyWithWhatIsWrittenAndFillerIsNotAllocated() {
    FileTree tree = Tmpfs.create(0);
    tree.mkdirs("/a/b", Credentials.ROOT);
    tree.writeFiller("/a/b/big", 17L << 20, Credentials.ROOT);

    ObjectCount count = ObjectCount.reachableFrom(new Object[] {tree});
    assertThat(count.objects()).isLessThan(30);
    assertThat(count.arrayBytes()).isLessThan(1024);
  }

  /** Distinct objects reachable through fields, arrays, collections and maps; bytes held in primitive arrays. */
  private record ObjectCount(long objects, long arrayBytes) {
    static ObjectCount reachableFrom(Object[] roots) {
      Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      ArrayDeque<Object> pending = new ArrayDeque<>();
      for (Object root : roots) {
        pending.add(root);
      }
      long arrayBytes = 0;
      while (!pending.isEmpty()) {
        Object object = pending.poll();
        if (!seen.add(object)) {
          continue;
        }
        Class<?> type = object.getClass();
        if (type.isArray()) {
          if (type.getComponentType().isPrimitive()) {
            arrayBytes += (long) Array.getLength(object) * (type == byte[].class ? 1 : 8);
          } else {
            for (int i = 0; i < Array.getLength(object); i++) {
              Object element = Array.get(object, i);
              if (element != null) {
                pending.add(element);
              }
            }
          }
        } else if (object instanceof Collection<?> collection) {
          pending.addAll(collection);
        } else if (object instanceof Map<?, ?> map) {
          pending.addAll(map.keySet());
          pending.addAll(map.values());
        } else if (type.getName().startsWith("dev.volsim.")) {
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                field.setAccessible(true);
                try {
                  Object value = field.get(object);
                  if (value != null) {
                    pending.add(value);
                  }
                } catch (IllegalAccessException e) {
                  throw new AssertionError(e);
                }
              }
            }
          }
        }
      }
      // The roots array itself is not the trees' cost.
      return new ObjectCount(seen.size() - 1, arrayBytes);
    }
  }
}
