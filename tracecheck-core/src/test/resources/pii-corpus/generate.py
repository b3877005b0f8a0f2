#!/usr/bin/env python3
"""Generates the labeled PII corpus: positives.tsv (detector, value) and negatives.tsv (category, value).

Deterministic (fixed seed): run it again and the files come out the same. Negatives imitate what
OpenTelemetry instrumentation really records; positives cover every built-in detector in the
formats they occur in (plain, separated, inside URLs and headers).
"""
import base64, json, random, string, uuid

rnd = random.Random(20261124)

def luhn_complete(prefix, length):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(rnd.randint(0, 9))
    for check in range(10):
        total = 0
        for i, d in enumerate(reversed(digits + [check])):
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return "".join(map(str, digits + [check]))

def group(number, sizes, sep):
    out, i = [], 0
    for s in sizes:
        out.append(number[i:i + s]); i += s
    if i < len(number):
        out.append(number[i:])
    return sep.join(out)

def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")

def iban(country, length):
    bban = "".join(rnd.choice(string.digits) for _ in range(length - 4))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"

FIRST = ["john", "maria", "wei", "fatima", "olga", "kenji", "amara", "lucas", "sofia", "ahmed", "emma", "noah"]
LAST = ["doe", "garcia", "zhang", "khan", "ivanova", "tanaka", "okafor", "silva", "rossi", "hassan", "smith"]
DOMAINS = ["example.com", "gmail.com", "corp.example.org", "mail.de", "company.co.uk", "startup.io", "uni.edu"]

positives = []
for i in range(40):
    f, l = rnd.choice(FIRST), rnd.choice(LAST)
    local = rnd.choice([f"{f}.{l}", f"{f}{rnd.randint(1, 99)}", f"{f[0]}{l}", f"{f}+orders", f"{f}_{l}"])
    email = f"{local}@{rnd.choice(DOMAINS)}"
    positives.append(("email", rnd.choice([email, f"user={email}", f"Order confirmation sent to {email}", f"mailto:{email}"])))
for i in range(45):
    kind = i % 5
    if kind == 0: number, sizes = luhn_complete("4", 16), [4, 4, 4, 4]
    elif kind == 1: number, sizes = luhn_complete(str(rnd.randint(51, 55)), 16), [4, 4, 4, 4]
    elif kind == 2: number, sizes = luhn_complete(rnd.choice(["34", "37"]), 15), [4, 6, 5]
    elif kind == 3: number, sizes = luhn_complete("6011", 16), [4, 4, 4, 4]
    else: number, sizes = luhn_complete(str(rnd.randint(2221, 2720)), 16), [4, 4, 4, 4]
    fmt = rnd.choice(["plain", "space", "dash"])
    value = number if fmt == "plain" else group(number, sizes, " " if fmt == "space" else "-")
    positives.append(("card-number", rnd.choice([value, f"card={value}", f"charge failed for {value}"])))
for i in range(30):
    area = rnd.choice([rnd.randint(1, 665), rnd.randint(667, 899)])
    ssn = f"{area:03d}-{rnd.randint(1, 99):02d}-{rnd.randint(1, 9999):04d}"
    positives.append(("us-ssn", rnd.choice([ssn, f"ssn {ssn}"])))
for i in range(35):
    n = lambda k: "".join(rnd.choice(string.digits) for _ in range(k))
    phone = rnd.choice([
        f"+1{rnd.randint(2, 9)}{n(9)}", f"+44 20 {n(4)} {n(4)}", f"({rnd.randint(200, 999)}) {n(3)}-{n(4)}",
        f"{rnd.randint(200, 999)}-{n(3)}-{n(4)}", f"+49 30 {n(6)}", f"+33 1 {n(2)} {n(2)} {n(2)} {n(2)}",
        f"+81-3-{n(4)}-{n(4)}", f"+61 4{n(2)} {n(3)} {n(3)}"])
    positives.append(("phone", rnd.choice([phone, f"phone={phone}", f"call {phone}"])))
for i in range(30):
    header = b64url(json.dumps({"alg": rnd.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}).encode())
    payload = b64url(json.dumps({"sub": str(rnd.randint(1, 10**6)), "name": rnd.choice(FIRST), "iat": 1700000000 + i}).encode())
    sig = b64url(bytes(rnd.getrandbits(8) for _ in range(32)))
    jwt = f"{header}.{payload}.{sig}"
    positives.append(("jwt", rnd.choice([jwt, f"token={jwt}", f"session {jwt}"])))
for i in range(25):
    token = "".join(rnd.choice(string.ascii_letters + string.digits + "-_.") for _ in range(rnd.randint(20, 60)))
    basic = base64.b64encode(f"{rnd.choice(FIRST)}:{rnd.choice(LAST)}{rnd.randint(1, 999)}".encode()).decode()
    positives.append(("authorization", rnd.choice([f"Bearer {token}", f"Basic {basic}", f"bearer {token}"])))
PARAMS = ["access_token", "id_token", "api_key", "apikey", "token", "password", "secret", "signature", "client_secret"]
for i in range(30):
    secret = "".join(rnd.choice(string.ascii_letters + string.digits) for _ in range(rnd.randint(8, 40)))
    positives.append(("url-credentials", rnd.choice([
        f"https://api.example.com/v1/orders?{rnd.choice(PARAMS)}={secret}&page=2",
        f"/oauth/callback?state=xyz&{rnd.choice(PARAMS)}={secret}",
        f"postgres://app:{secret}@db.internal:5432/orders",
        f"https://user:{secret}@registry.example.com/v2/"])))
for i in range(25):
    key = rnd.choice(["AKIA", "ASIA"]) + "".join(rnd.choice(string.ascii_uppercase + "234567") for _ in range(16))
    positives.append(("aws-access-key", rnd.choice([key, f"aws_access_key_id={key}"])))
for i in range(20):
    kind = rnd.choice(["", "RSA ", "EC ", "OPENSSH ", "ENCRYPTED "])
    body = base64.b64encode(bytes(rnd.getrandbits(8) for _ in range(48))).decode()
    positives.append(("private-key", f"-----BEGIN {kind}PRIVATE KEY-----\\n{body}"))
for i in range(30):
    country, length = rnd.choice([("DE", 22), ("GB", 22), ("FR", 27), ("NL", 18), ("ES", 24), ("IT", 27), ("BE", 16)])
    value = iban(country, length)
    if country == "GB":
        value = "GB" + value[2:4] + "".join(rnd.choice(string.ascii_uppercase) for _ in range(4)) + value[8:]
        numeric = "".join(str(int(c, 36)) for c in value[4:] + "GB00")
        value = f"GB{98 - int(numeric) % 97:02d}" + value[4:]
    if rnd.random() < 0.5:
        value = " ".join(value[j:j + 4] for j in range(0, len(value), 4))
    positives.append(("iban", value))
for i in range(20):
    ip = rnd.choice([f"{rnd.randint(1, 223)}.{rnd.randint(0, 255)}.{rnd.randint(0, 255)}.{rnd.randint(1, 254)}",
                     ":".join(f"{rnd.getrandbits(16):x}" for _ in range(8))])
    positives.append(("ip-address", ip))

negatives = []
def neg(category, value):
    negatives.append((category, value))
hexs = lambda k: "".join(rnd.choice("0123456789abcdef") for _ in range(k))
for i in range(150): neg("trace-id", hexs(32))
for i in range(150): neg("span-id", hexs(16))
for i in range(150): neg("uuid", str(uuid.UUID(int=rnd.getrandbits(128))))
for i in range(100): neg("epoch-millis", str(1_600_000_000_000 + rnd.randint(0, 10**11)))
for i in range(100): neg("epoch-nanos", str(1_600_000_000_000_000_000 + rnd.randint(0, 10**17)))
for i in range(100):
    neg("iso-timestamp", f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}.{rnd.randint(0, 999):03d}Z")
for i in range(100): neg("numeric-id", str(rnd.randint(1, 10 ** rnd.randint(1, 12))))
for i in range(50): neg("snowflake-id", str(1_000_000_000_000_000_000 + rnd.randint(0, 8 * 10**17)))
SERVICES = ["orders", "payments", "auth", "inventory", "checkout", "shipping", "users", "catalog"]
for i in range(100):
    s = rnd.choice(SERVICES)
    neg("host", rnd.choice([f"{s}.prod.svc.cluster.local", f"{s}-{hexs(10)}-{hexs(5)}", f"ip-10-{rnd.randint(0, 255)}-{rnd.randint(0, 255)}-{rnd.randint(0, 255)}.ec2.internal", f"{s}.example.com", f"{s}-db-{rnd.randint(0, 9)}"]))
for i in range(100): neg("pod-name", f"{rnd.choice(SERVICES)}-deployment-{hexs(10)}-{''.join(rnd.choice(string.ascii_lowercase + string.digits) for _ in range(5))}")
for i in range(150):
    s = rnd.choice(SERVICES)
    neg("url", rnd.choice([
        f"https://{s}.example.com/api/v{rnd.randint(1, 3)}/{s}/{rnd.randint(1, 10**6)}",
        f"http://{s}:{rnd.choice([8080, 8443, 9090, 3000])}/health",
        f"/api/{s}?page={rnd.randint(1, 50)}&size={rnd.choice([10, 20, 50])}&sort=createdAt",
        f"https://{s}.example.com/search?q=shoes&lang=en-US",
        f"/{s}/{uuid.UUID(int=rnd.getrandbits(128))}/items",
        f"https://cdn.example.com/assets/app.{hexs(8)}.js",
        f"/oauth/callback?state={hexs(16)}&token=REDACTED",
        f"https://api.example.com/v1/items?access_token=***"]))
for i in range(100):
    neg("route", rnd.choice(["/checkout", "/orders/{orderId}", "/users/{id}/addresses", "/api/v1/items/:sku", "/health", "/metrics", "/stock/{sku}"]))
for i in range(80):
    neg("user-agent", rnd.choice([
        f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{rnd.randint(100, 130)}.0.{rnd.randint(1000, 9999)}.{rnd.randint(10, 200)} Safari/537.36",
        f"okhttp/{rnd.randint(3, 5)}.{rnd.randint(0, 12)}.{rnd.randint(0, 9)}", f"Java-http-client/{rnd.randint(11, 25)}.0.{rnd.randint(1, 9)}",
        f"grpc-java-netty/1.{rnd.randint(50, 85)}.{rnd.randint(0, 3)}", f"curl/8.{rnd.randint(0, 12)}.{rnd.randint(0, 3)}"]))
for i in range(150):
    t = rnd.choice(["orders", "users", "payments", "line_items"])
    neg("sql-parameterized", rnd.choice([
        f"SELECT id, status FROM {t} WHERE customer_id = ? AND created_at > ?",
        f"INSERT INTO {t} (id, customer_id, total) VALUES (?, ?, ?)",
        f"UPDATE {t} SET status = ? WHERE id = ?",
        f"SELECT * FROM {t} WHERE id = $1 LIMIT 50",
        f"DELETE FROM {t} WHERE id = :id",
        f"SELECT count(*) FROM {t} o JOIN users u ON o.user_id = u.id WHERE u.email = ?"]))
for i in range(100): neg("version", rnd.choice([f"{rnd.randint(0, 30)}.{rnd.randint(0, 99)}.{rnd.randint(0, 999)}", f"v{rnd.randint(1, 9)}.{rnd.randint(0, 30)}.{rnd.randint(0, 9)}-rc.{rnd.randint(1, 5)}", f"1.{rnd.randint(40, 70)}.0-alpha", f"17.0.{rnd.randint(1, 15)}+{rnd.randint(1, 9)}"]))
for i in range(60): neg("port", str(rnd.choice([80, 443, 8080, 8443, 9090, 9092, 5432, 3306, 6379, 50051, rnd.randint(1024, 65535)])))
for i in range(80): neg("duration", rnd.choice([f"{rnd.randint(1, 5000)}ms", f"PT{rnd.randint(1, 59)}S", f"{rnd.random() * 10:.3f}s", f"{rnd.randint(1, 10**9)}ns"]))
for i in range(60): neg("git-sha", hexs(40))
for i in range(60): neg("kafka", rnd.choice([f"orders-{rnd.randint(0, 11)}", f"consumer-order-worker-{rnd.randint(1, 9)}", f"{rnd.randint(0, 10**9)}", f"__consumer_offsets"]))
for i in range(60): neg("grpc", rnd.choice(["auth.Auth/Validate", "grpc.health.v1.Health/Check", "orders.OrderService/Create", "DEADLINE_EXCEEDED", "UNAVAILABLE"]))
for i in range(60): neg("messages", rnd.choice([f"Connection refused: {rnd.choice(SERVICES)}:{rnd.randint(1024, 65535)}", f"Timeout after {rnd.randint(1, 60)}s", "java.lang.IllegalStateException: out of stock", f"retry {rnd.randint(1, 5)} of 5", f"order {uuid.UUID(int=rnd.getrandbits(128))} not found", f"HTTP 503 from inventory after {rnd.randint(10, 900)} ms"]))
for i in range(60): neg("k8s", rnd.choice([f"namespace/{rnd.choice(SERVICES)}", f"arn:aws:ecs:eu-west-1:{rnd.randint(10**11, 10**12 - 1)}:task/{hexs(32)}", f"sha256:{hexs(64)}", f"{rnd.choice(SERVICES)}@sha256:{hexs(16)}"]))
for i in range(60): neg("stack-frame", f"at com.example.{rnd.choice(SERVICES)}.{rnd.choice(['OrderService', 'Repository', 'Handler'])}.{rnd.choice(['handle', 'save', 'load'])}({rnd.choice(['OrderService', 'Repository', 'Handler'])}.java:{rnd.randint(10, 999)})")
for i in range(40): neg("thread", rnd.choice([f"pool-{rnd.randint(1, 9)}-thread-{rnd.randint(1, 32)}", f"grpc-default-executor-{rnd.randint(0, 9)}", f"kafka-producer-network-thread | producer-{rnd.randint(1, 9)}", f"ForkJoinPool.commonPool-worker-{rnd.randint(1, 9)}", "main"]))
for i in range(40): neg("git-remote", rnd.choice([f"git@github.com:acme/{rnd.choice(SERVICES)}.git", f"ssh://git@gitlab.example.com/acme/{rnd.choice(SERVICES)}.git"]))
for i in range(40): neg("amount", rnd.choice([f"{rnd.randint(1, 9999)}.{rnd.randint(0, 99):02d}", f"EUR {rnd.randint(1, 999)}.{rnd.randint(0, 99):02d}", f"{rnd.randint(1, 100)}%"]))
for i in range(40): neg("mac", ":".join(f"{rnd.getrandbits(8):02x}" for _ in range(6)))
for i in range(50): neg("base64", base64.b64encode(bytes(rnd.getrandbits(8) for _ in range(rnd.randint(8, 40)))).decode())

with open("positives.tsv", "w") as f:
    f.write("# detector\tvalue (generated by generate.py; \\n in a value is a newline)\n")
    for d, v in positives:
        f.write(f"{d}\t{v}\n")
with open("negatives.tsv", "w") as f:
    f.write("# category\tvalue (generated by generate.py)\n")
    for c, v in negatives:
        f.write(f"{c}\t{v}\n")
print(len(positives), "positives,", len(negatives), "negatives")
