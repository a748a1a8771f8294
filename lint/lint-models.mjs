// Lints every model the engine deploys, the way Camunda Modeler would open it:
//   processes/**/*.bpmn  bpmn-moddle parse (no warnings) + bpmnlint with ../.bpmnlintrc
//                        (recommended + camunda-compat camunda-platform-7-24)
//   decisions/**/*.dmn   dmn-moddle parse (no warnings) + dmnlint with ../.dmnlintrc,
//                        and every decision, input and knowledge source drawn (DMNDI)
// Files are found by walking the folders, so models other people add are linted too.
// Exit code 1 on any error; warnings are printed but do not fail.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

const { Linter: BpmnLinter } = require('bpmnlint');
const BpmnNodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const DmnLinter = require('dmnlint/lib/linter');
const DmnNodeResolver = require('dmnlint/lib/resolver/node-resolver');
const camundaBpmn = require('camunda-bpmn-moddle/resources/camunda.json');
const camundaDmn = require('camunda-dmn-moddle/resources/camunda.json');

function filesUnder(dir, extension) {
  let found = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const entry of entries.sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      found = found.concat(filesUnder(path, extension));
    } else if (entry.endsWith(extension)) {
      found.push(path);
    }
  }
  return found;
}

const problems = [];
function report(file, category, rule, id, message) {
  problems.push({ file: relative(root, file), category, rule, id: id || '', message });
}

async function lintBpmn(files) {
  const config = JSON.parse(readFileSync(join(root, '.bpmnlintrc'), 'utf8'));
  const linter = new BpmnLinter({ config, resolver: new BpmnNodeResolver({ require }) });
  const moddle = new BpmnModdle({ camunda: camundaBpmn });
  for (const file of files) {
    let parsed;
    try {
      parsed = await moddle.fromXML(readFileSync(file, 'utf8'), 'bpmn:Definitions');
    } catch (error) {
      report(file, 'error', 'parse', '', error.message);
      continue;
    }
    for (const warning of parsed.warnings) {
      report(file, 'error', 'parse', warning.element && warning.element.id, warning.message);
    }
    const results = await linter.lint(parsed.rootElement);
    for (const [rule, reports] of Object.entries(results)) {
      for (const r of reports) {
        report(file, r.category, rule, r.id, r.message);
      }
    }
  }
}

async function lintDmn(files) {
  const config = JSON.parse(readFileSync(join(root, '.dmnlintrc'), 'utf8'));
  const linter = new DmnLinter({ config, resolver: new DmnNodeResolver({ require }) });
  const moddle = new DmnModdle({ camunda: camundaDmn });
  for (const file of files) {
    let parsed;
    try {
      parsed = await moddle.fromXML(readFileSync(file, 'utf8'), 'dmn:Definitions');
    } catch (error) {
      report(file, 'error', 'parse', '', error.message);
      continue;
    }
    for (const warning of parsed.warnings) {
      report(file, 'error', 'parse', warning.element && warning.element.id, warning.message);
    }
    const definitions = parsed.rootElement;
    const results = await linter.lint(definitions);
    for (const [rule, reports] of Object.entries(results)) {
      for (const r of reports) {
        report(file, r.category, rule, r.id, r.message);
      }
    }
    // Modeler draws the decision requirements diagram from DMNDI: an element without a shape is invisible
    const shapes = new Set();
    const diagrams = (definitions.dmnDI && definitions.dmnDI.diagrams) || [];
    for (const diagram of diagrams) {
      for (const element of diagram.diagramElements || []) {
        if (element.dmnElementRef) {
          shapes.add(element.dmnElementRef.id);
        }
      }
    }
    for (const element of definitions.drgElement || []) {
      if (!shapes.has(element.id)) {
        report(file, 'error', 'dmndi-shape-required', element.id, 'Element is not drawn (no DMNShape)');
      }
    }
  }
}

const bpmnFiles = filesUnder(join(root, 'processes'), '.bpmn');
const dmnFiles = filesUnder(join(root, 'decisions'), '.dmn');
if (bpmnFiles.length === 0) {
  console.error('no BPMN found under processes/');
  process.exit(1);
}
await lintBpmn(bpmnFiles);
await lintDmn(dmnFiles);

for (const p of problems) {
  console.log(`${p.file}  ${p.category.padEnd(5)}  ${p.rule}  ${p.id}  ${p.message}`);
}
// a rule that crashes ('rule-error') is not a pass
const errors = problems.filter(p => p.category === 'error' || p.category === 'rule-error').length;
const warnings = problems.length - errors;
console.log(`linted ${bpmnFiles.length} BPMN and ${dmnFiles.length} DMN files: ${errors} error(s), ${warnings} warning(s)`);
process.exit(errors > 0 ? 1 : 0);
