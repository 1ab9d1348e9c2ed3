import { Select, Spin } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { errorText } from '@/common/feedback';

const SEARCH_DELAY_MS = 300;

export interface SearchOption {
  value: number;
  label: string;
}

interface RemoteSearchSelectProps {
  /** The options matching what was typed (blank: the first ones). */
  search: (keyword: string) => Promise<SearchOption[]>;
  /** Labels of values chosen before any search (a saved template's products). */
  knownLabels?: SearchOption[];
  /** Search with a blank keyword when it mounts, so the first options show before anything is typed. */
  searchOnMount?: boolean;
  value?: number[];
  onChange?: (ids: number[]) => void;
  placeholder: string;
  'aria-label': string;
  emptyText: string;
  disabled?: boolean;
  style?: CSSProperties;
}

/**
 * A multiple select whose options come from the server as staff type (members, products): searches after a short
 * pause, drops answers to outdated keywords, and keeps showing the names of chosen items a later search no longer lists.
 */
export function RemoteSearchSelect({ search, knownLabels = [], searchOnMount = false, value = [], onChange, emptyText, ...rest }: RemoteSearchSelectProps) {
  const [options, setOptions] = useState<SearchOption[]>([]);
  const [searching, setSearching] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const labels = useRef(new Map(knownLabels.map((option) => [option.value, option.label])));
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(0);
  const searchRef = useRef(search);
  searchRef.current = search;

  const runSearch = (keyword: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const call = ++latest.current;
      setSearching(true);
      setFailure(null);
      try {
        const found = await searchRef.current(keyword.trim());
        if (call !== latest.current) return;
        for (const option of found) labels.current.set(option.value, option.label);
        setOptions(found);
      } catch (error) {
        if (call === latest.current) setFailure(errorText(error));
      } finally {
        if (call === latest.current) setSearching(false);
      }
    }, SEARCH_DELAY_MS);
  };

  useEffect(() => {
    if (searchOnMount) runSearch('');
    return () => clearTimeout(timer.current);
    // Once, on mount: later searches follow what is typed.
  }, []);

  const chosenElsewhere = value
    .filter((id) => !options.some((option) => option.value === id))
    .map((id) => ({ value: id, label: labels.current.get(id) ?? `ID ${id}` }));

  return (
    <Select
      {...rest}
      mode="multiple"
      showSearch
      filterOption={false}
      value={value}
      options={[...chosenElsewhere, ...options]}
      onSearch={runSearch}
      onChange={(ids: number[]) => onChange?.(ids)}
      notFoundContent={searching ? <Spin size="small" /> : (failure ?? emptyText)}
    />
  );
}
