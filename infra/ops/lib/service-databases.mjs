// Prints each service's database, one a line, as the services themselves name it: the manifest
// lists the subgraphs, DASH_<NAME>_DATABASE overrides the default dash_<name>.
import { SUBGRAPHS, settingName } from '@dash/manifest';

for (const { name } of SUBGRAPHS)
  console.log(process.env[settingName(name, 'DATABASE')] || `dash_${name.replaceAll('-', '_')}`);
