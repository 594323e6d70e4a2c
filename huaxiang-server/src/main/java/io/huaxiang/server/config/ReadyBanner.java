package io.huaxiang.server.config;

import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.server.security.UserBootstrap;
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
  private final UserBootstrap accounts;

  ReadyBanner(
      Environment env,
      Database database,
      PortraitService portraits,
      EventStore events,
      UserBootstrap accounts) {
    this.env = env;
    this.database = database;
    this.portraits = portraits;
    this.events = events;
    this.accounts = accounts;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    String base = "http://localhost:" + env.getProperty("local.server.port", "8080");
    System.out.printf(
        "%n  Huaxiang 画像 is running / 已启动%n"
            + "    console / 控制台      %s/%n"
            + "    API docs / 接口文档   %s/swagger-ui.html  (OpenAPI: %s/v3/api-docs)%n"
            + "%s"
            + "    data / 数据           %s: %,d portraits, %,d events%n"
            + "    stop / 停止           Ctrl+C (portraits are saved; data stays for the next start)%n%n",
        base, base, base, signIn(base), database.description(), portraits.size(), events.count());
  }

  private String signIn(String base) {
    return accounts
        .demoPassword()
        .map(
            password ->
                String.format(
                    "    sign in / 登录        user admin, risk_analyst, risk_ops, marketing,"
                        + " compliance or auditor; password / 密码 %s (demo only, new each start)%n"
                        + "    try / 试试            curl -u risk_analyst:%s"
                        + " %s/api/v1/users/demo-0000001/portrait%n",
                    password, password, base))
        .orElse(
            String.format(
                "    sign in / 登录        with an account from `huaxiang user add`;"
                    + " machine clients: `huaxiang apikey create`%n"));
  }
}
