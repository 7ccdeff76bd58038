package com.feedbacksync.application.model;

/** The events the research repository may receive, with the names they carry on the wire. */
public enum EventType {
  CONNECTION_CONNECTED("connection.connected"),
  CONNECTION_NEEDS_REAUTH("connection.needs_reauth"),
  CONNECTION_DISCONNECTED("connection.disconnected"),
  SYNC_FIRST_COMPLETED("sync.first_completed"),
  SYNC_FAILING("sync.failing");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code type} of the event's JSON. */
  public String wireName() {
    return wireName;
  }

  public static EventType ofWireName(String name) {
    for (EventType type : values()) {
      if (type.wireName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown event type: " + name);
  }
}
