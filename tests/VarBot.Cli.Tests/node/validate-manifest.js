// Validates a Teams manifest against the official JSON schema shipped by npm @microsoft/app-manifest.
// usage: node validate-manifest.js <tools/node_modules> <manifest.json>; prints "valid" or the errors, exit 1 on errors.
const path = require('path');
const fs = require('fs');
const modules = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const Ajv = require(path.join(modules, 'ajv-draft-04'));
const addFormats = require(path.join(modules, 'ajv-formats'));
const schemaFile = path.join(modules, '@microsoft/app-manifest/build/json-schemas/teams',
  'v' + manifest.manifestVersion, 'MicrosoftTeams.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (validate(manifest)) {
  console.log('valid');
} else {
  console.log(JSON.stringify(validate.errors, null, 2));
  process.exit(1);
}
