package io.huaxiang.server.config;

import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.Database;
import io.huaxiang.store.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the server where to look, once it takes requests. */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {
  private final Environment env;
  private final Database database;
  private final PortraitService portraits;
  private final EventStore events;

  ReadyBanner(Environment env, Database database, PortraitService portraits, EventStore events) {
    this.env = env;
    this.database = database;
    this.portraits = portraits;
    this.events = events;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    String base = "http://localhost:" + env.getProperty("local.server.port", "8080");
    System.out.printf(
        "%n  Huaxiang 画像 is running / 已启动%n"
            + "    console / 控制台      %s/%n"
            + "    API docs / 接口文档   %s/swagger-ui.html  (OpenAPI: %s/v3/api-docs)%n"
            + "    try / 试试            curl %s/api/v1/users/demo-0000001/portrait%n"
            + "    data / 数据           %s: %,d portraits, %,d events%n"
            + "    stop / 停止           Ctrl+C (portraits are saved; data stays for the next start)%n%n",
        base, base, base, base, database.description(), portraits.size(), events.count());
  }
}
