package com.feedbacksync.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who and what the workspace has, as Intercom lists them: the admin behind the token ({@code /me}),
 * tags, admins and teams.
 */
final class WorkspaceDirectory {

  private final SimulatorConfig config;
  private final SimWorkspace workspace;

  WorkspaceDirectory(SimulatorConfig config, SimWorkspace workspace) {
    this.config = config;
    this.workspace = workspace;
  }

  /** The first admin, with the app: Intercom's answer to "who is this token?". */
  JsonNode me() {
    ObjectNode o = Render.object();
    o.put("type", "admin");
    o.put("id", workspace.admins().get(0).id());
    o.put("email", workspace.admins().get(0).email());
    o.put("name", workspace.admins().get(0).name());
    o.put("email_verified", true);
    ObjectNode app = o.putObject("app");
    app.put("type", "app");
    app.put("id_code", config.appId());
    app.put("name", config.workspaceName());
    app.put("created_at", 1_600_000_000L);
    app.put("secure", true);
    app.put("identity_verification", true);
    app.put("timezone", "UTC");
    app.put("region", config.region());
    ObjectNode avatar = o.putObject("avatar");
    avatar.put("type", "avatar");
    avatar.putNull("image_url");
    o.put("has_inbox_seat", true);
    return o;
  }

  JsonNode tags() {
    ObjectNode o = Render.object();
    o.put("type", "list");
    ArrayNode data = o.putArray("data");
    workspace
        .tags()
        .forEach(
            t -> {
              ObjectNode tag = data.addObject();
              tag.put("type", "tag");
              tag.put("id", t.id());
              tag.put("name", t.name());
            });
    return o;
  }

  JsonNode admins() {
    ObjectNode o = Render.object();
    o.put("type", "admin.list");
    ArrayNode admins = o.putArray("admins");
    workspace
        .admins()
        .forEach(
            a -> {
              ObjectNode admin = admins.addObject();
              admin.put("type", "admin");
              admin.put("id", a.id());
              admin.put("name", a.name());
              admin.put("email", a.email());
              admin.put("job_title", "Support");
              admin.put("away_mode_enabled", false);
              admin.put("away_mode_reassign", false);
              admin.put("has_inbox_seat", true);
              admin.putArray("team_ids");
            });
    return o;
  }

  JsonNode teams() {
    ObjectNode o = Render.object();
    o.put("type", "team.list");
    ArrayNode teams = o.putArray("teams");
    workspace
        .teams()
        .forEach(
            t -> {
              ObjectNode team = teams.addObject();
              team.put("type", "team");
              team.put("id", t.id());
              team.put("name", t.name());
              ArrayNode ids = team.putArray("admin_ids");
              t.adminIds().forEach(id -> ids.add(Long.parseLong(id)));
            });
    return o;
  }
}
