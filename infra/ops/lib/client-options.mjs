// Prints a MySQL client option file for MYSQL_URL, so the password reaches mariadb-dump and
// mariadb through a private file instead of their command line (which every user can read).
const url = new URL(process.env.MYSQL_URL || 'mysql://root@127.0.0.1:3306');
if (!['mysql:', 'mariadb:'].includes(url.protocol)) {
  console.error('MYSQL_URL must start with mysql:// or mariadb://');
  process.exit(64);
}
const quote = (value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
const lines = ['[client]', `host=${quote(url.hostname.replace(/^\[|\]$/g, ''))}`];
lines.push(`port=${url.port || '3306'}`);
if (url.username) lines.push(`user=${quote(decodeURIComponent(url.username))}`);
if (url.password) lines.push(`password=${quote(decodeURIComponent(url.password))}`);
console.log(lines.join('\n'));
