import { Input, type InputProps } from 'antd';
import type { Rule } from 'antd/es/form';
import { yuanTextProblem, type AmountRule } from './money-text';

/** A text box for an amount in yuan; the form keeps the text, money-text converts it to fen on save. */
export function YuanInput(props: Omit<InputProps, 'prefix' | 'inputMode'>) {
  return <Input prefix="¥" inputMode="decimal" placeholder="0.00" {...props} />;
}

export function yuanRules(rule: AmountRule): Rule[] {
  return [
    {
      validator: async (_, value: string | undefined) => {
        const problem = yuanTextProblem(value, rule);
        if (problem) throw new Error(problem);
      },
    },
  ];
}
