package com.feedbacksync.domain.intercom;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A custom or standard attribute's value, of any JSON type: Intercom's schemas say string, integer
 * or date, but its own examples carry booleans, decimals and lists of objects.
 */
public sealed interface AttributeValue {

  /** The value as an admin would read it in a property list. */
  String display();

  record Text(String value) implements AttributeValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String display() {
      return value;
    }
  }

  /** Integers, decimals and Unix timestamps alike: exact, never a double. */
  record Number(BigDecimal value) implements AttributeValue {
    public Number {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String display() {
      return value.toPlainString();
    }
  }

  record Bool(boolean value) implements AttributeValue {
    @Override
    public String display() {
      return Boolean.toString(value);
    }
  }

  record ListValue(List<AttributeValue> values) implements AttributeValue {
    public ListValue {
      values = List.copyOf(values);
    }

    @Override
    public String display() {
      return values.stream().map(AttributeValue::display).collect(Collectors.joining(", "));
    }
  }

  /** Keeps the keys in the order Intercom sent them. */
  record ObjectValue(Map<String, AttributeValue> fields) implements AttributeValue {
    public ObjectValue {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String display() {
      return fields.entrySet().stream()
          .map(e -> e.getKey() + ": " + e.getValue().display())
          .collect(Collectors.joining(", ", "{", "}"));
    }
  }

  /** An attribute that exists with no value. */
  record Null() implements AttributeValue {
    @Override
    public String display() {
      return "";
    }
  }

  static AttributeValue text(String value) {
    return new Text(value);
  }

  static AttributeValue number(long value) {
    return new Number(BigDecimal.valueOf(value));
  }

  static AttributeValue number(String decimal) {
    return new Number(new BigDecimal(decimal));
  }

  static AttributeValue bool(boolean value) {
    return new Bool(value);
  }
}
